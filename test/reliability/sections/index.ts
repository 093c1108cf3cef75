import type { Section } from '../figures';
import { authorisation } from './authorisation';
import { contention } from './contention';
import { faults } from './faults';
import { hostileInput } from './hostile-input';
import { instances } from './instances';
import { secrets } from './secrets';

/** In the order they run; the secrets section last, since it reads what the others logged. */
export const sections: Section[] = [
  hostileInput,
  authorisation,
  contention,
  instances,
  faults,
  secrets,
];
