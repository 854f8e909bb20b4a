"""/api/documents/{id}: a stored report's text and metadata, as JSON (text is data, never HTML)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, status

from rasd.web.auth import Reader
from rasd.web.records import read_document
from rasd.web.schemas import DocumentOut

router = APIRouter(prefix="/api", tags=["documents"])


@router.get("/documents/{document_id}", response_model=DocumentOut)
def document_detail(request: Request, document_id: int, _: Reader) -> DocumentOut:
    """The document's metadata, the text of its current revision (evidence spans index into it), its events."""
    doc = read_document(request.app.state.engine, document_id)
    if doc is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no document {document_id}")
    return doc
