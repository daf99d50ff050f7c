// The alert service's declaration, for infra, the local runtime and the docs (alias @pulse/alert).
export { service } from './service';
