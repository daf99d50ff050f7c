import { betaDeclaration } from '@fixture/beta';

export const both = [betaDeclaration];
