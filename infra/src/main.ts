import { buildPulseApp } from './app';

// Entry of `cdk synth` (cdk.json "app"): context `env` selects one environment, else all three.
buildPulseApp().app.synth();
