import type { RouteObject } from 'react-router';
import { PrecheckPage } from './precheck-page.js';

/** The candidate's device check before a proctored interview, inside the signed-in layout. */
export const proctoringRoutes: RouteObject[] = [{ path: 'interviews/:id/precheck', Component: PrecheckPage }];
