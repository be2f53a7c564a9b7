import type { Preset } from '../preset.js';

/**
 * Salesforce contacts, as a Contacts report exported "Details Only" (field labels) or through Data Loader (API names
 * FirstName, MailingCity, CreatedDate … are the labels under normaliseHeader; the contact's own id is a bare "Id").
 */
export const salesforceContacts: Preset = {
  id: 'salesforce-contacts',
  kind: 'contacts',
  description: 'Salesforce contacts report or Data Loader export: Contact ID, First Name, Last Name, Email, Mailing City, Created Date',
  columns: {
    crmId: ['Contact ID', 'Contact: Contact ID', 'Kontakt-ID', 'Id'],
    firstName: ['First Name', 'Vorname'],
    lastName: ['Last Name', 'Nachname'],
    email: ['Email', 'E-Mail'],
    phone: ['Phone', 'Business Phone', 'Mobile', 'Mobile Phone', 'Telefon', 'Mobiltelefon'],
    city: ['Mailing City', 'Postanschrift Ort'],
    country: ['Mailing Country', 'Postanschrift Land'],
    created: ['Created Date', 'Erstellt am', 'Erstelldatum'],
  },
  // Every Salesforce contact has a Contact ID; the mailing address or creation date tells it from a bare id list.
  requires: [['crmId'], ['email', 'lastName'], ['city', 'country', 'created']],
  priority: 10,
  channel: 'crm',
};
