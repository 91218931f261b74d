import companiesFile from '../../../content/companies/companies.json' with { type: 'json' };
import { parseCompanyCatalog, type CompanyCatalog } from './company-profiles.js';

/** The target companies shipped with the product; a static import for the same reason as the role catalog. */
export const DEFAULT_COMPANY_CATALOG: CompanyCatalog = parseCompanyCatalog(companiesFile);
