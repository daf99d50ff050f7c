import { alphaDeclaration } from '@fixture/alpha';

export const simulated = alphaDeclaration.functions;
