import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What to show instead of the broken part; `retry` renders it again. */
  fallback(error: Error, retry: () => void): ReactNode;
  children: ReactNode;
}

/**
 * Keeps a failing screen from taking the whole window down. Nothing typed is lost when one does:
 * every edit is journalled before it renders (features/editor/edit-journal.ts).
 */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('screen failed', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    return error ? this.props.fallback(error, () => this.setState({ error: null })) : this.props.children;
  }
}
