import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { AuthProvider } from './auth-context'
import { Layout } from './layout'
import { RouterProvider } from './router'
import { RouteView } from './route-view'

/** Server answers are cached for a minute; an error is not retried blindly (the message says what to do). */
const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 60_000, retry: false, refetchOnWindowFocus: false } } })

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider>
        <AuthProvider>
          <Layout>
            <RouteView />
          </Layout>
        </AuthProvider>
      </RouterProvider>
    </QueryClientProvider>
  )
}
