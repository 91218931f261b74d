import rolesFile from '../../../content/roles/roles.json' with { type: 'json' };
import { parseRoleCatalog, type RoleCatalog } from './role-profiles.js';

/**
 * The role profiles shipped with the product. A static import rather than a file read, so core
 * stays free of I/O and the planner needs no wiring: the catalog is data versioned with the code.
 */
export const DEFAULT_ROLE_CATALOG: RoleCatalog = parseRoleCatalog(rolesFile);
