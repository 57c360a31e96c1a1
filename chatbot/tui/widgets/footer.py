"""The key bar at the bottom: Textual's Footer, rebuilt only when the keys it shows change."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeysFooter(Footer):
    """Textual's Footer recomposes (all its key widgets removed, made and styled again) on every
    focus change and bindings refresh: five times on the chat screen before its first question
    was drawn, each time with the same keys. This one recomposes when what it shows changes."""

    _shown: tuple[object, ...] | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._recompose_if_changed)

    def _keys(self) -> tuple[object, ...]:
        """Everything `compose` reads: the shown bindings (key, description, enabled, tooltip, group)."""
        app = self.app
        shown = tuple((b.key, b.action, b.description, b.group, b.tooltip, app.get_key_display(b), enabled, tooltip)
                      for (_, b, enabled, tooltip) in self.screen.active_bindings.values() if b.show)
        palette = self.screen.active_bindings.get(app.COMMAND_PALETTE_BINDING)
        return shown, palette and palette[1:], self.compact, self.show_command_palette, app.ENABLE_COMMAND_PALETTE

    async def _recompose_if_changed(self) -> None:
        if not self.is_attached:
            return
        keys = self._keys()
        if keys != self._shown:
            self._shown = keys
            await self.recompose()
