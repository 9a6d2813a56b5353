import { AuthProvider } from './auth-context'
import { Layout } from './layout'
import { RouterProvider } from './router'
import { RouteView } from './route-view'

export function App() {
  return (
    <RouterProvider>
      <AuthProvider>
        <Layout>
          <RouteView />
        </Layout>
      </AuthProvider>
    </RouterProvider>
  )
}
