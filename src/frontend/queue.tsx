import React from 'react';
import ForgeReconciler from '@forge/react';
import { QueuePage } from './queue/queue-page';

ForgeReconciler.render(
  <React.StrictMode>
    <QueuePage />
  </React.StrictMode>,
);
