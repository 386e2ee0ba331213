// Every action × character × target: second half of the catalog (see platform.property.fixtures.ts).
import { propertySuite } from './platform.property.fixtures.ts';

await propertySuite(1, 2);
