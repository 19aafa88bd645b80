Attribute VB_Name = "Orsheet"
' orsheet: the buttons on the sheet Start and the ribbon tab "OR-secretariaat".
'
' Each macro hands its work to Python through xlwings (RunPython); the Python
' side (orsheet.macros) reads the workbook, does the work, writes back only
' what changed and reports in Dutch. This module is generated into the
' workbook by `tools/build_workbook.py` from macros/Orsheet.bas.
Option Explicit

Private Sub RunAction(ByVal label As String, ByVal pythonCall As String)
    Application.StatusBar = "orsheet: " & label & " ..."
    RunPython "import orsheet.macros as m; " & pythonCall
    Application.StatusBar = False
End Sub

Private Function PythonText(ByVal value As String) As String
    ' Quote a VBA string as a Python string literal.
    PythonText = "'" & Replace(Replace(value, "\", "\\"), "'", "\'") & "'"
End Function

Public Sub AgendaMaken()
    Dim sheetName As String
    Dim rowNumber As Long
    sheetName = ""
    rowNumber = 0
    If Not ActiveSheet Is Nothing Then
        If ActiveSheet.Name = "Vergaderingen" Or ActiveSheet.Name = "Agendapunten" Then
            sheetName = ActiveSheet.Name
            rowNumber = ActiveCell.Row
        End If
    End If
    RunAction "agenda maken", "m.make_agenda(sheet=" & PythonText(sheetName) & ", row=" & rowNumber & ")"
End Sub

Public Sub ActiesNummeren()
    RunAction "acties nummeren", "m.number_actions()"
End Sub

Public Sub AfgerondeActiesSluiten()
    RunAction "afgeronde acties sluiten", "m.close_finished_actions()"
End Sub

Public Sub NotulenVerwerken()
    Dim chosen As Variant
    #If Mac Then
        ' Excel for Mac does not take Windows-style file filters.
        chosen = Application.GetOpenFilename()
    #Else
        chosen = Application.GetOpenFilename( _
            "Notulen (*.docx;*.pdf;*.txt;*.md),*.docx;*.pdf;*.txt;*.md," & _
            "Word-documenten (*.docx),*.docx,PDF-bestanden (*.pdf),*.pdf," & _
            "Tekstbestanden (*.txt;*.md),*.txt;*.md", 1, "Kies de notulen")
    #End If
    If VarType(chosen) = vbBoolean Then Exit Sub
    RunAction "notulen verwerken", "m.process_minutes(" & PythonText(CStr(chosen)) & ")"
End Sub

Public Sub VoorstelToepassen()
    RunAction "voorstel toepassen", "m.apply_proposal()"
End Sub

Public Sub JaarplanningMaken()
    RunAction "jaarplanning maken", "m.make_year_plan()"
End Sub

Public Sub WooExport()
    RunAction "Woo-export", "m.woo_export()"
End Sub

Public Sub OverzichtBijwerken()
    RunAction "overzicht bijwerken", "m.update_overview()"
End Sub

' Ribbon callbacks (customUI14.xml onAction). `control` is an IRibbonControl;
' declared As Object so the module compiles without extra references.
Public Sub Ribbon_AgendaMaken(control As Object)
    AgendaMaken
End Sub

Public Sub Ribbon_ActiesNummeren(control As Object)
    ActiesNummeren
End Sub

Public Sub Ribbon_AfgerondeActiesSluiten(control As Object)
    AfgerondeActiesSluiten
End Sub

Public Sub Ribbon_NotulenVerwerken(control As Object)
    NotulenVerwerken
End Sub

Public Sub Ribbon_VoorstelToepassen(control As Object)
    VoorstelToepassen
End Sub

Public Sub Ribbon_JaarplanningMaken(control As Object)
    JaarplanningMaken
End Sub

Public Sub Ribbon_WooExport(control As Object)
    WooExport
End Sub

Public Sub Ribbon_OverzichtBijwerken(control As Object)
    OverzichtBijwerken
End Sub
