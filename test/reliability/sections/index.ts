import type { Section } from '../figures';
import { authorisation } from './authorisation';
import { faults } from './faults';
import { instances } from './instances';

/** In the order they run; the secrets section last, since it reads what the others logged. */
export const sections: Section[] = [authorisation, instances, faults];
