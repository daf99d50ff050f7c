export { CONFORMANCE_CASES_FILE, loadConformanceCases, type ConformanceCase } from './conformance-cases';
