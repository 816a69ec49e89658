/** Every endpoint the emulator answers, v2 first where Confluence offers it. */
import { type Route } from '../http';
import { copyRoutes } from './v1/copy';
import { labelRoutesV1 } from './v1/labels';
import { permissionCheckRoutes } from './v1/permission-check';
import { restrictionRoutes } from './v1/restrictions';
import { spaceRoutesV1 } from './v1/space';
import { userRoutesV1 } from './v1/users';
import { blogPostRoutes } from './v2/blogposts';
import { commentRoutes } from './v2/comments';
import { labelRoutes } from './v2/labels';
import { pageRoutes } from './v2/pages';
import { propertyRoutes } from './v2/properties';
import { spaceRoutes } from './v2/spaces';
import { treeRoutes } from './v2/tree';
import { userRoutes } from './v2/users';

export const ROUTES: readonly Route[] = [
  ...spaceRoutes,
  ...pageRoutes,
  ...blogPostRoutes,
  ...treeRoutes,
  ...propertyRoutes,
  ...commentRoutes,
  ...labelRoutes,
  ...userRoutes,
  ...labelRoutesV1,
  ...restrictionRoutes,
  ...copyRoutes,
  ...permissionCheckRoutes,
  ...userRoutesV1,
  ...spaceRoutesV1,
];
