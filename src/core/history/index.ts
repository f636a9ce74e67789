export * from './historyEntry';
export * from './historyStore';
export * from './historyQuery';
export * from './historyDocument';
export { acquireLock, LockTimeoutError, type HeldLock, type LockOptions } from './historyLock';
