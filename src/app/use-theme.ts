/** Applies the chosen theme; "system" follows the operating system live. */
import { useEffect } from 'react';
import { useSettingsStore } from '../store/settings-store';

export function useTheme(): void {
  const theme = useSettingsStore((s) => s.theme);
  useEffect(() => {
    const media = matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      document.documentElement.dataset.theme = theme === 'system' ? (media.matches ? 'dark' : 'light') : theme;
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);
}
