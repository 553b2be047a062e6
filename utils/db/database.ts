/** The extension's one database, shared by the background and the pages. */
import { DevinDatabase } from './schema';

export const db = new DevinDatabase();
