/**
 * The operation table, on its own: the client loads this module the first time `call('<operationId>', …)`
 * names an operation by id, so a bundle that only calls service methods carries no descriptor or validator
 * of the groups it does not call (each service loads its group's plans itself).
 */
export { OPERATIONS } from './generated/operations.gen.js';
