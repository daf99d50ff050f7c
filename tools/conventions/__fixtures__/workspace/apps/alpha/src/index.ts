export const alphaDeclaration = { name: 'alpha', functions: ['hello'] };
