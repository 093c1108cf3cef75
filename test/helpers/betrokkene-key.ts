import { betrokkeneKeyer, bsnKeyer } from '../../src/app/casus/betrokkene-key';

/** A fixed search key for tests that submit without the app's composition root. */
export const testBetrokkeneKey = betrokkeneKeyer(Buffer.alloc(32, 7));
export const testBsnKey = bsnKeyer(Buffer.alloc(32, 7));
