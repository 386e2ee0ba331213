// Every action × character × target: first half of the catalog (see platform.property.fixtures.ts).
import { propertySuite } from './platform.property.fixtures.ts';

await propertySuite(0, 2);
