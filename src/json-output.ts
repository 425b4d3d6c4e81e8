import type { Io } from './terminal.js';

/**
 * Version of every JSON document kernekit writes: each command's --json and manifest.json.
 * They share one vocabulary (`language`, `document`, `path`, `pages`, `bytes`), described
 * by the JSON Schemas in schemas/. Raise it when a field changes meaning or goes away.
 */
export const SCHEMA_VERSION = 1;

/** Prints a command's result (or failure) as one JSON document on standard output; `oneLine` for JSON Lines (watch). */
export function printJson(io: Io, command: string | null, body: object, oneLine = false): void {
  io.out(JSON.stringify({ schemaVersion: SCHEMA_VERSION, command, ...body }, null, oneLine ? undefined : 2));
}
