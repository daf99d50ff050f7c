import { alphaDeclaration } from '@fixture/alpha';

export const leaked = alphaDeclaration;
