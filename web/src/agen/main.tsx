import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { AgenApp } from './app'
import { setupAgenI18n } from './i18n'
import '../styles/base.css'
import '../styles/forms.css'
import './agen.css'

const root = document.getElementById('root')
if (!root) throw new Error('#root missing from agen.html')

// the worker makes the app open without signal; a browser without one still runs it online
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  void navigator.serviceWorker.register('/agen-sw.js', { scope: '/agen' }).catch(() => undefined)
}

void setupAgenI18n().then(() =>
  createRoot(root).render(
    <StrictMode>
      <AgenApp />
    </StrictMode>,
  ),
)
