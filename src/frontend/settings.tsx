import React from 'react';
import ForgeReconciler from '@forge/react';
import { SettingsApp } from './settings/settings-app';

ForgeReconciler.render(
  <React.StrictMode>
    <SettingsApp />
  </React.StrictMode>,
);
