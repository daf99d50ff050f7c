import { POLLUTANTS, type Measurements, type QualityCode } from '@pulse/schemas';
import {
  GAS_UNIT_MIXUP_FACTOR,
  HUMIDITY_FRACTION_BELOW,
  KELVIN_OFFSET,
  SENSOR_RANGE_MAX,
  TEMPERATURE_RANGE_C,
} from './plausibility-rules';
import { GASES, fahrenheitToCelsius } from './unit-conversion';

/** Flags one reading earns on its own, from its canonical measurements only. */
export function readingFlags(measurements: Measurements): QualityCode[] {
  const flags: QualityCode[] = [];
  const { temperature, humidity } = measurements;
  if (temperature !== undefined && !inTemperatureRange(temperature)) flags.push('temperature-out-of-range');
  if (POLLUTANTS.some((p) => beyondRange(p, measurements[p]))) flags.push('beyond-sensor-range');
  if (looksMislabelled(measurements, temperature, humidity)) flags.push('suspect-unit');
  return flags;
}

function inTemperatureRange(celsius: number): boolean {
  return celsius >= TEMPERATURE_RANGE_C.min && celsius <= TEMPERATURE_RANGE_C.max;
}

function beyondRange(pollutant: keyof typeof SENSOR_RANGE_MAX, value: number | undefined): boolean {
  return value !== undefined && value > SENSOR_RANGE_MAX[pollutant];
}

function looksMislabelled(measurements: Measurements, temperature?: number, humidity?: number): boolean {
  const gasMixup = GASES.some((gas) => {
    const value = measurements[gas];
    return beyondRange(gas, value) && !beyondRange(gas, (value as number) / GAS_UNIT_MIXUP_FACTOR);
  });
  return gasMixup || (temperature !== undefined && temperatureLooksMislabelled(temperature)) || humidityLooksFractional(humidity);
}

/** Too hot for °C, yet a plausible air temperature read as °F or as kelvin. */
function temperatureLooksMislabelled(celsius: number): boolean {
  if (celsius <= TEMPERATURE_RANGE_C.max) return false;
  return inTemperatureRange(fahrenheitToCelsius(celsius)) || inTemperatureRange(celsius - KELVIN_OFFSET);
}

function humidityLooksFractional(humidity: number | undefined): boolean {
  return humidity !== undefined && humidity > 0 && humidity < HUMIDITY_FRACTION_BELOW;
}
