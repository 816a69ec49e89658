import React from 'react';
import ForgeReconciler from '@forge/react';
import { BylineDialog } from './byline/byline-dialog';

ForgeReconciler.render(
  <React.StrictMode>
    <BylineDialog />
  </React.StrictMode>,
);
