import React from 'react';
import ForgeReconciler from '@forge/react';
import { AnalyticsPage } from './analytics/analytics-page';

ForgeReconciler.render(
  <React.StrictMode>
    <AnalyticsPage />
  </React.StrictMode>,
);
