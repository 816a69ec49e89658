/**
 * The REST API for integrators (docs/rest-api.md): one function behind every apiRoute of
 * manifest.yml. The platform has already checked the 3LO token and the route's scopes; the route
 * that matches the path answers as the token's user.
 */
import { auditRoutes } from './audit';
import { restApiHandler } from './define';
import { pageRoutes } from './pages';
import { workflowRoutes } from './workflows';

export const restApi = restApiHandler([...pageRoutes, ...workflowRoutes, ...auditRoutes]);
