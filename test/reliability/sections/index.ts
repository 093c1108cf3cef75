import type { Section } from '../figures';
import { faults } from './faults';

/** In the order they run; the secrets section last, since it reads what the others logged. */
export const sections: Section[] = [faults];
