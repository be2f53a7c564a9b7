import type { Preset } from '../preset.js';
import { contacts } from './contacts.js';
import { orders } from './orders.js';
import { tickets } from './tickets.js';
import { social } from './social.js';
import { notes } from './notes.js';
import { messages } from './messages.js';

/** Every preset thick knows, most specific first. Add a format by adding a file and listing it here. */
export const PRESETS: readonly Preset[] = [notes, tickets, orders, social, contacts, messages];

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}
