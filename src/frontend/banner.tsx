import React from 'react';
import ForgeReconciler from '@forge/react';
import { ReadersBannerView } from './banner/readers-banner-view';

ForgeReconciler.render(
  <React.StrictMode>
    <ReadersBannerView />
  </React.StrictMode>,
);
