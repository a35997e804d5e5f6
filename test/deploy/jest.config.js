// Deploy tier: the image, the Compose files and the Helm chart checked offline (helm, kubeconform with
// schemas from .tools, docker-compose config, dockerfile-utils); part of the unit tier, no infrastructure.
const preset = require('../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'deploy',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.deploy-spec.ts'],
  setupFilesAfterEnv: ['<rootDir>/support/slow-tools.ts'],
};
