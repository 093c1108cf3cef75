import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { registrySeedSchema, type RegistrySeed } from '../domain/registry/registry.schema';

/** Reads and checks a registry file (organisations, kamers, persons); throws on the first problem. */
export async function readRegistrySeed(path: string): Promise<RegistrySeed> {
  return registrySeedSchema.parse(JSON.parse(await readFile(resolve(path), 'utf8')));
}
