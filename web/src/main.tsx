import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import { setupI18n } from './app/i18n'
import './styles/base.css'
import './styles/layout.css'
import './styles/forms.css'
import './styles/pages.css'

const root = document.getElementById('root')
if (!root) throw new Error('#root missing from index.html')

void setupI18n().then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
)
