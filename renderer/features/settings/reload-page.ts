/** After the data was reopened (a restore, another folder, recovery), the page starts again from the new state. */
export function reloadPage(): void {
  window.location.reload();
}
