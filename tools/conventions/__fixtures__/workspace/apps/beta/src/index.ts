export const betaDeclaration = { name: 'beta' };
