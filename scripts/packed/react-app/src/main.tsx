import { createRoot } from 'react-dom/client';
import { App } from './App';

const token = new URLSearchParams(location.search).get('token') ?? '';
createRoot(document.getElementById('root') as HTMLElement).render(
  <App baseUrl={location.origin} getToken={async () => token} />,
);
