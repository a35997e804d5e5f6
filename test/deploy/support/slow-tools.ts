// The deploy checks run real tools (helm, kubeconform, docker-compose, the built entries), a few seconds
// each on two cores; jest's 5 s default is for tests in memory. testTimeout would do in a lone config,
// but a project of the unit tier's multi-project run cannot set it.
jest.setTimeout(60_000);
