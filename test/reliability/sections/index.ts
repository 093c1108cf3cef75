import type { Section } from '../figures';
import { secrets } from './secrets';

/** In the order they run; the secrets section last, since it reads what the others logged. */
export const sections: Section[] = [secrets];
