export { service } from './service';
