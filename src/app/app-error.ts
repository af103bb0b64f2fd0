// An expected failure of a use case: the class lives under the ports (src/app/ports/app-error.ts), where the
// adapters may reach it.
export { AppError } from './ports/app-error';
