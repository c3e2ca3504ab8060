export interface Person {
  id: string;
  personalCode: string | null;
  firstName: string;
  lastName: string;
  birthDate: string;
  age: number;
  sex: 'male' | 'female' | null;
  version: number;
}

export interface DuplicateCandidate {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
}

export interface PersonDetail extends Person {
  possibleDuplicates: DuplicateCandidate[];
}

export interface PersonFields {
  personalCode?: string | null;
  firstName: string;
  lastName: string;
  birthDate?: string;
}
