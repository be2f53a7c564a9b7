import type { Preset } from '../preset.js';

/**
 * HubSpot's contacts export (Contacts → Export), with the property labels of the English or the German UI. HubSpot
 * writes UTF-8 with commas; after a round trip through German Excel the same file arrives as Windows-1252 with `;`
 * and dates like 14.01.2024 10:32, which the reader handles. "Instagram Handle" is not a default HubSpot property but
 * a common custom one, so it is recognised too.
 */
export const hubspotContacts: Preset = {
  id: 'hubspot-contacts',
  kind: 'contacts',
  description: 'HubSpot contacts export (English or German UI): Record ID, First Name, Last Name, Email, Create Date, Lifecycle Stage',
  columns: {
    crmId: ['Record ID', 'Datensatz-ID'],
    firstName: ['First Name', 'Vorname'],
    lastName: ['Last Name', 'Nachname'],
    email: ['Email', 'E-Mail', 'E-Mail-Adresse'],
    phone: ['Phone Number', 'Telefonnummer', 'Mobile Phone Number', 'Mobiltelefonnummer'],
    crmStage: ['Lifecycle Stage', 'Lebenszyklusphase'],
    created: ['Create Date', 'Erstellungsdatum', 'Erstelldatum'],
    city: ['City', 'Ort', 'Stadt'],
    country: ['Country/Region', 'Country', 'Land/Region', 'Land'],
    twitter: ['Twitter Username', 'Twitter-Benutzername', 'Twitter-Nutzername'],
    instagram: ['Instagram Handle', 'Instagram Username', 'Instagram-Handle', 'Instagram-Benutzername'],
    facebook: ['Facebook Profile', 'Facebook-Profil'],
  },
  // Record ID is on every HubSpot export and names no other vendor's id column.
  requires: [['crmId'], ['email', 'firstName', 'lastName']],
  priority: 10,
  channel: 'crm',
};
