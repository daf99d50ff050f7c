import { alphaDeclaration } from '@fixture/alpha';

export const stacks = [alphaDeclaration.name];
