import { Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { HomePage } from '../features/hierarchy/HomePage';
import { NodePage } from '../features/portfolio/NodePage';
import { MyWorkPage } from '../features/work/MyWorkPage';

// The portfolio is the first page most people open: the others load when first visited, so it starts sooner.
const InitiativePage = lazy(() => import('../features/initiative/InitiativePage').then((module) => ({ default: module.InitiativePage })));
const PortfolioInitiativesPage = lazy(() => import('../features/portfolio/PortfolioInitiativesPage').then((module) => ({ default: module.PortfolioInitiativesPage })));
const DecisionLogPage = lazy(() => import('../features/sop/DecisionLogPage').then((module) => ({ default: module.DecisionLogPage })));
const NotificationsPage = lazy(() => import('../features/notifications/NotificationsPage').then((module) => ({ default: module.NotificationsPage })));
const CyclePaperPage = lazy(() => import('../features/sop/CyclePaperPage').then((module) => ({ default: module.CyclePaperPage })));
const SopReviewPage = lazy(() => import('../features/sop/SopReviewPage').then((module) => ({ default: module.SopReviewPage })));

export const pages = (
  <Suspense fallback={<Loader aria-label="Loading the page" />}>
  <Routes>
    <Route path="/" element={<HomePage />} />
    <Route path="/nodes/:nodeId" element={<NodePage />} />
    <Route path="/nodes/:nodeId/sop" element={<SopReviewPage />} />
    <Route path="/nodes/:nodeId/decisions" element={<DecisionLogPage />} />
    <Route path="/nodes/:nodeId/initiatives" element={<PortfolioInitiativesPage />} />
    <Route path="/initiatives/:initiativeId" element={<InitiativePage />} />
    <Route path="/work" element={<MyWorkPage />} />
    <Route path="/notifications" element={<NotificationsPage />} />
    <Route path="/cycles/:cycleId/pre-read" element={<CyclePaperPage paper="pre-read" />} />
    <Route path="/cycles/:cycleId/minutes" element={<CyclePaperPage paper="minutes" />} />
    <Route path="*" element={<Navigate to="/" replace />} />
  </Routes>
  </Suspense>
);
