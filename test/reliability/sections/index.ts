import type { Section } from '../figures';
import { hostileInput } from './hostile-input';

/** In the order they run; the secrets section last, since it reads what the others logged. */
export const sections: Section[] = [hostileInput];
