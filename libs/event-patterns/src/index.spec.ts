import { placeholder } from './index';
test('wired', () => expect(placeholder).toBe(1));
